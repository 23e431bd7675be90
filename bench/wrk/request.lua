-- One request shape for every server, read from the environment so that the same
-- script drives ours, oxigraph and rdflib-endpoint:
--   BENCH_METHOD (GET), BENCH_PATH (path and query string, already URL-encoded),
--   BENCH_ACCEPT, BENCH_BODY and BENCH_CONTENT_TYPE (for POST).
-- A path containing __N__ gets a number unique per request (thread id * 10^8 + count),
-- to defeat result caches: e.g. a query text that ends in LIMIT 1__N__.

local method = os.getenv("BENCH_METHOD") or "GET"
local path = os.getenv("BENCH_PATH") or "/"
local accept = os.getenv("BENCH_ACCEPT")
local body = os.getenv("BENCH_BODY")
local content_type = os.getenv("BENCH_CONTENT_TYPE")
local distinct = string.find(path, "__N__", 1, true) ~= nil

local threads = 0
function setup(thread)
   threads = threads + 1
   thread:set("thread_id", threads)
end

local headers = {}
if accept then headers["Accept"] = accept end
if content_type then headers["Content-Type"] = content_type end

local fixed = nil
local counter = 0

function request()
   if not distinct then
      if fixed == nil then
         fixed = wrk.format(method, path, headers, body)
      end
      return fixed
   end
   counter = counter + 1
   local n = tostring((thread_id or 0) * 100000000 + counter)
   return wrk.format(method, string.gsub(path, "__N__", n), headers, body)
end
