-- The waiting room's line as the organizers see it, read only: the tickets still waiting (those
-- that asked in time), the admissions that hold, and the replicas admitting.
-- KEYS[1] due, KEYS[2] admitted, KEYS[3] replicas (see waiting-room.lua)
-- ARGV[1] now (ms), ARGV[2] how long a replica counts after its last call (ms)
-- Returns {waiting, admissions holding, replicas}.
local now = tonumber(ARGV[1])
return {redis.call('ZCOUNT', KEYS[1], now, '+inf'), redis.call('ZCOUNT', KEYS[2], '(' .. now, '+inf'),
    redis.call('ZCOUNT', KEYS[3], now - tonumber(ARGV[2]), '+inf')}
