-- The hit-accounting run (accounting.sh): POST /api/v1/hits as browsers send them — a JSON body (HITS_BODY), a
-- browser's User-Agent (five current ones in turn) and a visitor id from a pool of 1,000 — and count the answers by
-- status, summed over wrk's threads when the run ends. Every 202 must become a persisted page view.
-- Each thread has one connection (-t = -c) and stops right after its ACCOUNT_QUOTA-th answer, so no request is in
-- flight when the run ends: every request sent has its answer counted (wrk's -d stop could cut some off).
local body = os.getenv("HITS_BODY")
local quota = tonumber(os.getenv("ACCOUNT_QUOTA") or "1000")
-- wrk itself waits out -d even when every thread has stopped: each thread adds a line to this file when it stops, and
-- accounting.sh interrupts wrk (SIGINT, which still runs done) once every thread has.
local finished = os.getenv("ACCOUNT_FINISHED")
local agents = {
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0",
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) coc_coc_browser/134.0.196 Chrome/128.0.6613.196 Safari/537.36",
  "Mozilla/5.0 (Linux; Android 14; SM-A546E) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36 Zalo iOS/1.0",
}
local threads = {}
local requests = {}
local n = 0
accepted = 0
other = 0

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  for i = 1, 1000 do
    requests[i] = wrk.format("POST", nil, {
      ["Content-Type"] = "application/json",
      ["User-Agent"] = agents[i % #agents + 1],
      ["X-Visitor-Id"] = string.format("account-visitor-%05d", i),
    }, body)
  end
end

function request()
  n = n % 1000 + 1
  return requests[n]
end

function response(status, headers, body)
  if status == 202 then
    accepted = accepted + 1
  else
    other = other + 1
  end
  if accepted + other == quota then
    wrk.thread:stop()
    if finished then
      local file = io.open(finished, "a")
      file:write("stopped\n")
      file:close()
    end
  end
end

function done(summary, latency, requests)
  local a, o = 0, 0
  for _, thread in ipairs(threads) do
    a = a + thread:get("accepted")
    o = o + thread:get("other")
  end
  io.write(string.format("accepted\t%d\nother\t%d\n", a, o))
end
