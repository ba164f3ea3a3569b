// The estate's recovery objectives: every recovery plan that declares no rto, rpo or drill cadence of its own is held
// to these (a plan's own value wins). Written once for the whole estate.
objectives {
    rto 4.hours
    rpo 1.hours
}
