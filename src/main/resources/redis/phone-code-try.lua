-- One try at a phone's code: counts it, and returns the code's keyed hash with the number
-- of tries so far (this one included), or nothing when there is no code (none sent, or
-- expired: the key lives exactly as long as the code). Counting before the caller compares
-- is what keeps concurrent guesses within the limit.
-- KEYS[1] the phone's code
local hash = redis.call('HGET', KEYS[1], 'h')
if not hash then
    return {}
end
local tries = redis.call('HINCRBY', KEYS[1], 't', 1)
return {hash, tries}
