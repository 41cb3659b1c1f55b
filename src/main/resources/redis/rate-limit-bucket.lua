-- One rate-limit bucket, taken from or given back to in one step: a token bucket with Bucket4j's
-- greedy refill (capacity tokens, refilled continuously at capacity per period, never above
-- capacity). The time is the app's (ARGV[3]), never Redis's TIME: the replicas and a test's moved
-- clock all count alike. Counted in units of 1/period of a token, so that a millisecond refills
-- exactly capacity units and nothing is lost to rounding (exact while capacity x period, in ms,
-- stays below 2^53; RateLimitProperties checks it).
-- KEYS[1] the bucket: a hash of u (units held) and t (ms of its last refill). No key is a full
--         bucket: the key expires when the bucket would be full again, and is deleted once full.
-- ARGV[1] capacity (tokens), ARGV[2] period (ms) in which an empty bucket refills completely,
-- ARGV[3] now (ms), ARGV[4] tokens: 1 takes one, -1 gives one back (never above capacity)
-- Returns {1, 0} when taken (or given back), {0, ms until the tokens are there} when refused.
local capacity = tonumber(ARGV[1])
local period = tonumber(ARGV[2])
local now = tonumber(ARGV[3])
local cost = tonumber(ARGV[4]) * period
local full = capacity * period

local state = redis.call('HMGET', KEYS[1], 'u', 't')
local units = tonumber(state[1]) or full
local at = tonumber(state[2]) or now
-- a clock that went back (this replica's, or another's a little behind) refills nothing, and the
-- time already refilled for is never refilled for again
if now > at then
    units = math.min(full, units + (now - at) * capacity)
    at = now
end

if units < cost then
    -- counted from the bucket's time, which a clock behind has not reached yet
    return {0, (at - now) + math.ceil((cost - units) / capacity)}
end
units = math.min(full, units - cost)
if units >= full then
    redis.call('DEL', KEYS[1])
else
    -- integers written as such: Lua's own conversion of a number may round it
    redis.call('HSET', KEYS[1], 'u', string.format('%d', units), 't', string.format('%d', at))
    redis.call('PEXPIRE', KEYS[1], string.format('%d', math.ceil((full - units) / capacity)))
end
return {1, 0}
