-- serve_post.lua — wrk script for bench/serve: POST /articles with batches of BATCH (100) new articles
-- as JSON Lines, each with its own id; every ten articles in a row tell one invented event (its own
-- place, person and figures), so the store gets stories of about ten articles, as a news feed would.
local counter = 0
local thread_id = tostring(math.random(1, 1e9))
local batch = tonumber(os.getenv("BATCH") or "100")
local kinds = {
  {"bridge", "cracks were found in an anchorage", "transport authority"},
  {"ferry", "a fire broke out in the engine room", "coastguard"},
  {"museum", "three paintings were stolen", "police"},
  {"council", "the budget vote failed", "mayor"},
  {"airport", "baggage handlers went on strike", "union"},
  {"river", "the banks flooded after two days of rain", "weather service"},
}

-- a made-up name for event e, the same for its ten articles
local function name(e, salt)
  local syl = {"ka", "ro", "vel", "mar", "tin", "sol", "dun", "bre", "os", "lin", "qua", "zer"}
  local s, x = "", e * 7 + salt
  for _ = 1, 3 do s = s .. syl[(x % #syl) + 1]; x = math.floor(x / #syl) + 3 end
  return s:gsub("^%l", string.upper)
end

request = function()
  local lines = {}
  for i = 1, batch do
    counter = counter + 1
    local e = math.floor(counter / 10)
    local k = kinds[(e % #kinds) + 1]
    local place, person = name(e, 1) .. thread_id:sub(1, 3), name(e, 5)
    lines[i] = string.format(
      '{"id":"w%s-%d","source":"Outlet %d","text":"The %s at %s was closed on %s after %s. ' ..
      '%s of the %s said %d people were affected and that the work would take %d weeks. ' ..
      'Report %d gave no date for the end of the closure in %s."}',
      thread_id, counter, counter % 10, k[1], place, "Tuesday", k[2], person, k[3], e % 900 + 12, e % 9 + 2,
      counter, place)
  end
  return wrk.format("POST", "/articles", {["Content-Type"] = "application/x-ndjson"}, table.concat(lines, "\n"))
end

-- any answer but 200 is counted by wrk as an error ("Non-2xx or 3xx responses")
