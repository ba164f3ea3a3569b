// class: coercion
// source: original, from an included file
// expect: run
include '_helpers.groovy'
launch()
// ---- _helpers.groovy
ProcessBuilder command() { ['touch', '@MARKER@'] }
launch = { -> command().start().waitFor() }
