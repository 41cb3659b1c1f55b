-- A new one-time code for a phone: replaces the one before, with its tries.
-- KEYS[1] the phone's code; ARGV[1] the code's keyed hash, ARGV[2] its validity (ms)
redis.call('DEL', KEYS[1])
redis.call('HSET', KEYS[1], 'h', ARGV[1], 't', 0)
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return 1
