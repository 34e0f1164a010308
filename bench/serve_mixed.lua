-- serve_mixed.lua — wrk script for bench/serve's mixed load: of every 20 requests, one POST of 10 new
-- articles (told as bench/serve_articles.lua tells them: events of ten, stories of about ten), one
-- story list, one report, and the rest GET /stories/{STORY} (the story is given by the environment
-- variable STORY).
dofile("bench/serve_articles.lua")
local counter = 0
local posted = 0
local story = os.getenv("STORY")

request = function()
  counter = counter + 1
  local k = counter % 20
  if k == 0 then
    local r = articles_request("m" .. thread_id, posted, 10, tonumber(thread_id:sub(1, 4)))
    posted = posted + 10
    return r
  elseif k == 1 then
    return wrk.format("GET", "/stories?limit=20")
  elseif k == 2 then
    return wrk.format("GET", "/stories/" .. story .. "/report")
  end
  return wrk.format("GET", "/stories/" .. story)
end
