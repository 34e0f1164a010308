-- serve_post.lua — wrk script for bench/serve: POST /articles with batches of BATCH (100) new articles
-- as JSON Lines, each with its own id, told as bench/serve_articles.lua tells them.
dofile("bench/serve_articles.lua")
local counter = 0
local batch = tonumber(os.getenv("BATCH") or "100")

request = function()
  local r = articles_request("w" .. thread_id, counter, batch, tonumber(thread_id:sub(1, 4)))
  counter = counter + batch
  return r
end
