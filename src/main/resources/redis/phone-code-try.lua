-- One try at a phone's code, judged in one step: counts it, and when the entered code's
-- keyed hash is the code's (within the tries allowed) uses the code up. Returns the number
-- of tries so far (this one included) and 1 for a match, 0 otherwise; nothing when there is
-- no code (none sent, or expired: the key lives exactly as long as the code). Counting and
-- using up in the same step keeps concurrent guesses within the limit, and a code sent again
-- meanwhile is never the one deleted.
-- KEYS[1] the phone's code; ARGV[1] the entered code's keyed hash, ARGV[2] the tries allowed
local hash = redis.call('HGET', KEYS[1], 'h')
if not hash then
    return {}
end
local tries = redis.call('HINCRBY', KEYS[1], 't', 1)
if tries <= tonumber(ARGV[2]) and hash == ARGV[1] then
    redis.call('DEL', KEYS[1])
    return {tries, 1}
end
return {tries, 0}
