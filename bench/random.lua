-- GETs of a target drawn at random (uniformly, per request) from the file TARGETS, one request target a line; with
-- HIT_EVERY=n, every n-th request of a connection is instead a page view posted to /api/v1/hits for a random article
-- of ARTICLES (the article targets that answered 200, "/api/v1/articles/{id}" a line: the id is the last segment), as a
-- frontend reports the views of the pages it serves ("portal traffic"). With hits, the answers are also counted by
-- status and printed when the run ends ("Statuses: 200 n, 202 n, …"), so that failed requests can be told apart.
local targets, ids = {}, {}
local every = tonumber(os.getenv("HIT_EVERY") or "0")
local n = 0
local counter = 0

local threads = {}

function setup(thread)
  counter = counter + 1
  thread:set("seed", counter)
  table.insert(threads, thread)
end

function init(args)
  math.randomseed(os.time() * 1000 + (seed or 0))
  for line in io.lines(os.getenv("TARGETS")) do
    if #line > 0 then targets[#targets + 1] = line end
  end
  if every > 0 then
    for line in io.lines(os.getenv("ARTICLES")) do
      local id = line:match("([^/\t]+)$")
      if not (id and id:match("^%x+%-%x+%-%x+%-%x+%-%x+$")) then
        error("ARTICLES: no article id at the end of '" .. line .. "'")
      end
      ids[#ids + 1] = id
    end
  end
end

function request()
  n = n + 1
  if every > 0 and n % every == 0 then
    local id = ids[math.random(#ids)]
    return wrk.format("POST", "/api/v1/hits", {
      ["Content-Type"] = "application/json",
      ["X-Visitor-Id"] = string.format("bench-visitor-%05d", math.random(1000)),
    }, '{"path":"/tin-tuc/' .. id .. '","articleId":"' .. id .. '"}')
  end
  return wrk.format("GET", targets[math.random(#targets)])
end

-- Only with hits (a response callback costs wrk time on every request): answers by status, summed over the threads.
if every > 0 then
  statuses = {}

  function response(status, headers, body)
    statuses[status] = (statuses[status] or 0) + 1
  end

  function done(summary, latency, requests)
    local total = {}
    for _, thread in ipairs(threads) do
      for status, count in pairs(thread:get("statuses")) do
        total[status] = (total[status] or 0) + count
      end
    end
    local keys = {}
    for status in pairs(total) do keys[#keys + 1] = status end
    table.sort(keys)
    local parts = {}
    for _, status in ipairs(keys) do parts[#parts + 1] = status .. " " .. total[status] end
    io.write("Statuses: " .. table.concat(parts, ", ") .. "\n")
  end
end
