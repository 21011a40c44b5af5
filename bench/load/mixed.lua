-- wrk script: a mix of reader traffic over the paths listed in $LOAD_PATHS (one per line,
-- weighted by repetition), as a client behind the TLS-terminating proxy would send them.
-- Counts every response by status class and prints a summary line the runner parses.

local paths = {}
local file = assert(io.open(os.getenv("LOAD_PATHS"), "r"))
for line in file:lines() do
  if #line > 0 then table.insert(paths, line) end
end
file:close()

local threads = {}

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  counts = { ok = 0, redirect = 0, client = 0, server = 0 }
  math.randomseed(os.time() * 1000 + id)
  wrk.headers["X-Forwarded-Proto"] = "https"
  wrk.headers["Accept-Encoding"] = "gzip"
end

function request()
  return wrk.format("GET", paths[math.random(#paths)])
end

function response(status, headers, body)
  if status >= 500 then
    counts.server = counts.server + 1
    if counts.server <= 3 then
      local text = body or ""
      local at = string.find(text, "exception_value", 1, true) or 1
      sample = (sample or "") .. status .. " " .. string.sub(text, at, at + 400):gsub("%s+", " ") .. "\n"
    end
  elseif status >= 400 then
    counts.client = counts.client + 1
  elseif status >= 300 then
    counts.redirect = counts.redirect + 1
  else
    counts.ok = counts.ok + 1
  end
end

function done(summary, latency, requests)
  local total = { ok = 0, redirect = 0, client = 0, server = 0 }
  for _, thread in ipairs(threads) do
    local c = thread:get("counts")
    for key, value in pairs(c) do total[key] = total[key] + value end
    local thread_sample = thread:get("sample")
    if thread_sample then io.write("LOAD_5XX_SAMPLE ", thread_sample) end
  end
  io.write(string.format(
    "LOAD_RESULT ok=%d redirect=%d client=%d server=%d p50_ms=%.1f p90_ms=%.1f p99_ms=%.1f " ..
    "max_ms=%.1f requests=%d socket_errors=%d timeouts=%d\n",
    total.ok, total.redirect, total.client, total.server,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000, summary.requests,
    summary.errors.connect + summary.errors.read + summary.errors.write,
    summary.errors.timeout))
end
