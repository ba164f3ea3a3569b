// class: reflection
// source: original
// expect: escape
// The script's own GroovyClassLoader compiles new code without the sandbox's customizers.
def k = this.class.classLoader.parseClass("class Free { static go() { new File('@CANARY_WRITE@').text = 'pwned' } }")
k.go()
