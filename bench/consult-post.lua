-- wrk script: "Consult now" as a company user's browser sends it, a new act each time
-- (each request a new recorded consultation, not the reload of one).
--   CSRF=... wrk -s bench/consult-post.lua -H "Cookie: mandat_session=..." URL
local csrf = os.getenv("CSRF") or ""
-- Each thread its own seed (the same seed would post the same acts: reloads).
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("thread_no", threads)
end
function init(args)
  math.randomseed(os.time() * 100 + (thread_no or 0))
end
local function uuid4()
  local t = "xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx"
  return (t:gsub("[xy]", function(c)
    local v = (c == "x") and math.random(0, 15) or math.random(8, 11)
    return string.format("%x", v)
  end))
end
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
request = function()
  return wrk.format(nil, nil, nil, "act=" .. uuid4() .. "&csrf=" .. csrf)
end
