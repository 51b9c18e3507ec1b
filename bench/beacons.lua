-- wrk script for bench/beacons.py: POSTs view beacons from many distinct visitors.
-- Each visitor-story pair is sent twice in a row (the second must not count); in the last
-- seconds only repeats are sent, so every first view is answered before wrk stops and the
-- number of first views sent is exactly what the stored totals must add up to.
-- Arguments: <seconds> <comma-separated story ids>.
local threads = {}

function setup(thread)
  thread:set("thread_number", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  seconds = tonumber(args[1])
  ids = {}
  for id in string.gmatch(args[2], "%d+") do table.insert(ids, id) end
  new_until = os.time() + seconds - 3
  sent, first_views, pair = 0, 0, 0
end

function request()
  sent = sent + 1
  if sent % 2 == 1 then
    if os.time() < new_until then
      pair = pair + 1
      first_views = first_views + 1
    else
      pair = 1 -- a repeat of this thread's first view: counted long ago
    end
  end
  local visitor = thread_number * 100000000 + pair
  local story = ids[(pair % #ids) + 1]
  local address = string.format("10.%d.%d.%d", thread_number, math.floor(pair / 256) % 256, pair % 256)
  return wrk.format("POST", "/api/views/" .. story .. "/", {
    ["User-Agent"] = "Mozilla/5.0 (Linux; Android 13; visitor " .. visitor .. ") Mobile Safari/537.36",
    ["X-Forwarded-For"] = address,
    ["Content-Length"] = "0",
  })
end

function done(summary, latency, requests)
  local total = 0
  for _, thread in ipairs(threads) do total = total + thread:get("first_views") end
  io.write(string.format("first_views_sent %d\n", total))
end
