-- serve_articles.lua — invented articles for bench/serve's wrk scripts (loaded with dofile from the
-- repository root): every ten articles in a row tell one invented event; most of their words come
-- from the event's own dozen names and terms, the rest from a general vocabulary, in an order of
-- their own, so they cluster into stories of about ten without being copies of each other (a
-- template shared by every article would make copy detection the whole cost, and one story of all).
local syl = {"ka", "ro", "vel", "mar", "tin", "sol", "dun", "bre", "os", "lin", "qua", "zer", "pa", "the", "mi", "gor"}

-- A word of n syllables made from the number x.
local function word(x, n)
  local s = ""
  for _ = 1, n do s = s .. syl[(x % #syl) + 1]; x = math.floor(x / #syl) end
  return s
end

local general = {}
for i = 1, 3000 do general[i] = word(i * 7919 + 13, 3) end

-- The text of an article of event number `event`, for the thread whose seed is given: the event's
-- terms have five syllables (a million of them), so that they are not general words and two events
-- seldom share one.
local function article(event, seed)
  local terms = {}
  for j = 1, 12 do terms[j] = word((event * 12 + j) * 7877 + seed * 104729, 5) end
  local out = {}
  for j = 1, 60 do
    if math.random() < 0.5 then out[j] = terms[math.random(1, #terms)] else out[j] = general[math.random(1, #general)] end
    if j % 12 == 0 then out[j] = out[j] .. "." end
  end
  out[1] = out[1]:gsub("^%l", string.upper)
  return table.concat(out, " ") .. "."
end

-- A POST /articles of n new articles as JSON Lines: ids prefix-1, prefix-2, … from *counter on.
function articles_request(prefix, counter, n, seed)
  local lines = {}
  for i = 1, n do
    local k = counter + i
    lines[i] = string.format('{"id":"%s-%d","source":"Outlet %d","text":"%s"}', prefix, k, k % 10,
      article(math.floor(k / 10), seed))
  end
  return wrk.format("POST", "/articles", {["Content-Type"] = "application/x-ndjson"}, table.concat(lines, "\n"))
end

-- Each wrk thread gets a seed of its own (setup runs in the main state, init in the thread's):
-- thread_id names its articles' ids and seeds its random words.
thread_id = nil

setup = function(thread) thread:set("seed", math.random(1, 1e9)) end

init = function()
  thread_id = tostring(seed or math.random(1, 1e9))
  math.randomseed(tonumber(thread_id))
end
