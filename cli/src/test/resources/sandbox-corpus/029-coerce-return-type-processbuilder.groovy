// class: coercion
// source: Jenkins SECURITY-2824 / CVE-2022-43401 (implicit casts not intercepted) (method return values)
// expect: run
// The declared return type turns the list into new ProcessBuilder('touch', path).
ProcessBuilder command() { ['touch', '@MARKER@'] }
command().start().waitFor()
