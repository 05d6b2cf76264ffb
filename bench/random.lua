-- GETs of a target drawn at random (uniformly, per request) from the file TARGETS, one request target a line; with
-- HIT_EVERY=n, every n-th request of a connection is instead a page view posted to /api/v1/hits for a random article
-- of ARTICLES (id<TAB>slug), as a frontend reports the views of the pages it serves ("portal traffic").
local targets, ids = {}, {}
local every = tonumber(os.getenv("HIT_EVERY") or "0")
local n = 0
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("seed", counter)
end

function init(args)
  math.randomseed(os.time() * 1000 + (seed or 0))
  for line in io.lines(os.getenv("TARGETS")) do
    if #line > 0 then targets[#targets + 1] = line end
  end
  if every > 0 then
    for line in io.lines(os.getenv("ARTICLES")) do
      local id = line:match("^([^\t]+)")
      if id then ids[#ids + 1] = id end
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
