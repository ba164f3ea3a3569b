// class: script-escape
// source: original
// expect: write
def k = new GroovyClassLoader().parseClass("class P { static go() { new File('@CANARY_WRITE@').text = 'pwned' } }")
k.go()
