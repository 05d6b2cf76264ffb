-- POST /api/v1/hits the way a frontend server reports page views: a JSON body (HITS_BODY) and the reader's
-- visitor id in X-Visitor-Id, cycling through 1,000 visitors. Requests are built once, in init.
local body = os.getenv("HITS_BODY")
local requests = {}
local n = 0

function init(args)
  for i = 1, 1000 do
    requests[i] = wrk.format("POST", nil, {
      ["Content-Type"] = "application/json",
      ["X-Visitor-Id"] = string.format("bench-visitor-%05d", i),
    }, body)
  end
end

function request()
  n = n % 1000 + 1
  return requests[n]
end
