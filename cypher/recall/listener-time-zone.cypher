// The time zone of a listener's profile (set at onboarding): Daily Recommendation turns over at 06:00 there.
MATCH (u:User {id: $user})
RETURN u.timeZone AS tz;
