-- serve_post.lua — wrk script for bench/serve: POST /articles with batches of BATCH (100) new articles
-- as JSON Lines, each with its own id. Every ten articles in a row tell one invented event: most of
-- their words come from the event's own dozen names and terms, the rest from a general vocabulary,
-- in an order of their own, so they cluster into stories of about ten without being copies of
-- each other (a template shared by every article would make copy detection the whole cost).
local counter = 0
local batch = tonumber(os.getenv("BATCH") or "100")
local syl = {"ka", "ro", "vel", "mar", "tin", "sol", "dun", "bre", "os", "lin", "qua", "zer", "pa", "the", "mi", "gor"}
local thread_id

local function word(x)
  local s = ""
  for _ = 1, 3 do s = s .. syl[(x % #syl) + 1]; x = math.floor(x / #syl) end
  return s
end

local general = {}
for i = 1, 3000 do general[i] = word(i * 7919 + 13) end

setup = function(thread) thread:set("seed", math.random(1, 1e9)) end

init = function()
  thread_id = tostring(seed or math.random(1, 1e9))
  math.randomseed(tonumber(thread_id))
end

local function article(event)
  local terms = {}
  for j = 1, 12 do terms[j] = word(event * 131 + j * 17 + tonumber(thread_id:sub(1, 4))) end
  local out = {}
  for j = 1, 60 do
    if math.random() < 0.5 then out[j] = terms[math.random(1, #terms)] else out[j] = general[math.random(1, #general)] end
    if j % 12 == 0 then out[j] = out[j] .. "." end
  end
  out[1] = out[1]:gsub("^%l", string.upper)
  return table.concat(out, " ") .. "."
end

request = function()
  local lines = {}
  for i = 1, batch do
    counter = counter + 1
    lines[i] = string.format('{"id":"w%s-%d","source":"Outlet %d","text":"%s"}', thread_id, counter, counter % 10,
      article(math.floor(counter / 10)))
  end
  return wrk.format("POST", "/articles", {["Content-Type"] = "application/x-ndjson"}, table.concat(lines, "\n"))
end
