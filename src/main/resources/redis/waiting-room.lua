-- The waiting room of one contest, in one step per request (docs/api.md, "The waiting room"): the
-- entrant holding this ticket arrives, with a start or a poll of its place. The line is first come,
-- first served; its head is admitted as the admission allowance refills (a token bucket of
-- ARGV[3] admissions a second per replica calling), whether or not that entrant is asking right
-- now, and an admission holds for ARGV[5] ms. A waiting ticket that stops asking is dropped ARGV[6]
-- ms after the poll it was told to make.
-- KEYS[1] line: zset ticket -> order of arrival
-- KEYS[2] due: zset ticket -> time (ms) by which a waiting ticket must have asked again
-- KEYS[3] admitted: zset ticket -> time (ms) until which its admission holds
-- KEYS[4] state: hash seq (arrivals so far), allowance (admissions available now), at (ms of the
--         allowance's last refill)
-- KEYS[5] replicas: zset replica -> time (ms) of its last call
-- ARGV[1] ticket, ARGV[2] now (ms), ARGV[3] admissions a second per replica, ARGV[4] seconds of
-- admissions the allowance holds at most, ARGV[5] how long an admission holds (ms), ARGV[6] how
-- long past its poll a waiting ticket is kept (ms), ARGV[7] 1 when the calling replica is saturated
-- (its call admits nobody), ARGV[8] the calling replica, ARGV[9] how long a replica counts after
-- its last call (ms), ARGV[10] how long the keys live without a call (ms), ARGV[11] shortest poll
-- (ms), ARGV[12] longest poll (ms), ARGV[13] 1 to keep the caller's own admission (a ticket its
-- client knows; a fresh ticket admitted at once is never asked about again), ARGV[14] polls a second
-- per replica the whole line may cost (a long line asks less often, up to its length over this)
-- Returns {1, admitted until (ms)} when admitted, else {0, position, estimated wait (ms), poll after (ms)}.
local ticket = ARGV[1]
local now = tonumber(ARGV[2])
local ttl = tonumber(ARGV[10])

redis.call('ZADD', KEYS[5], now, ARGV[8])
redis.call('ZREMRANGEBYSCORE', KEYS[5], '-inf', now - tonumber(ARGV[9]))
local replicas = math.max(1, redis.call('ZCARD', KEYS[5]))
local rate = tonumber(ARGV[3]) * replicas

local function touch()
    for i = 1, 5 do
        redis.call('PEXPIRE', KEYS[i], ttl)
    end
end

local held = redis.call('ZSCORE', KEYS[3], ticket)
if held and tonumber(held) > now then
    touch()
    return {1, tonumber(held)}
end

-- tickets that stopped asking (a hundred a call at most), admissions that lapsed
local gone = redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', now, 'LIMIT', 0, 100)
if #gone > 0 then
    redis.call('ZREM', KEYS[1], unpack(gone))
    redis.call('ZREM', KEYS[2], unpack(gone))
end
redis.call('ZREMRANGEBYSCORE', KEYS[3], '-inf', now)

local state = redis.call('HMGET', KEYS[4], 'allowance', 'at')
local cap = math.max(1, rate * tonumber(ARGV[4]))
local allowance = tonumber(state[1]) or cap
local at = tonumber(state[2]) or now
-- replicas' clocks differ by a little: time never runs backwards here
if now > at then
    allowance = math.min(cap, allowance + (now - at) * rate / 1000)
    at = now
end

if not redis.call('ZSCORE', KEYS[1], ticket) then
    redis.call('ZADD', KEYS[1], redis.call('HINCRBY', KEYS[4], 'seq', 1), ticket)
end

local admittedUntil = now + tonumber(ARGV[5])
local mine = false
if ARGV[7] ~= '1' and allowance >= 1 then
    local head = redis.call('ZRANGE', KEYS[1], 0, math.min(math.floor(allowance), 1000) - 1)
    for _, next in ipairs(head) do
        if next == ticket then
            mine = true
            if ARGV[13] == '1' then
                redis.call('ZADD', KEYS[3], admittedUntil, next)
            end
        else
            redis.call('ZADD', KEYS[3], admittedUntil, next)
        end
    end
    if #head > 0 then
        redis.call('ZREM', KEYS[1], unpack(head))
        redis.call('ZREM', KEYS[2], unpack(head))
        allowance = allowance - #head
    end
end
redis.call('HSET', KEYS[4], 'allowance', tostring(allowance), 'at', tostring(at))
touch()
if mine then
    return {1, admittedUntil}
end

local position = redis.call('ZRANK', KEYS[1], ticket) + 1
local wait = math.max(0, math.ceil((position - allowance) * 1000 / rate))
-- asked again when its wait should be over (the head is admitted whether or not it asks, so the
-- order holds; each poll is work for a replica that is short of it already)
local longest = math.max(tonumber(ARGV[12]),
    math.ceil(redis.call('ZCARD', KEYS[1]) * 1000 / (tonumber(ARGV[14]) * replicas)))
local poll = math.min(longest, math.max(tonumber(ARGV[11]), wait))
redis.call('ZADD', KEYS[2], now + poll + tonumber(ARGV[6]), ticket)
return {0, position, wait, poll}
