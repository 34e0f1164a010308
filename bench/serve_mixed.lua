-- serve_mixed.lua — wrk script for bench/serve's mixed load: of every 20 requests, one POST of 10 new
-- articles, one story list, one report, and the rest GET /stories/{STORY} (the story is given by
-- the environment variable STORY).
local counter = 0
local thread_id = tostring(math.random(1, 1e9))
local story = os.getenv("STORY")

request = function()
  counter = counter + 1
  local k = counter % 20
  if k == 0 then
    local lines = {}
    for i = 1, 10 do
      lines[i] = string.format('{"id":"m%s-%d-%d","source":"Outlet %d","text":"The council voted on item %d of ' ..
        'the budget on day %d. The mayor said %d residents wrote in about the plan for the river path."}',
        thread_id, counter, i, i, counter % 50, counter % 365, counter % 700)
    end
    return wrk.format("POST", "/articles", {["Content-Type"] = "application/x-ndjson"}, table.concat(lines, "\n"))
  elseif k == 1 then
    return wrk.format("GET", "/stories?limit=20")
  elseif k == 2 then
    return wrk.format("GET", "/stories/" .. story .. "/report")
  end
  return wrk.format("GET", "/stories/" .. story)
end
