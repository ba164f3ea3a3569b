// class: script-escape
// source: original (ConfigSlurper compiles and runs a script)
// expect: write
new ConfigSlurper().parse("x = new File('@CANARY_WRITE@').with { it.text = 'pwned'; 1 }")
