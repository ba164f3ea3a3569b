// class: metaclass
// source: Jenkins SECURITY-1754 (GroovyInterceptable)
// expect: run
class Sneaky implements GroovyInterceptable {
    def hello() { 'hello' }
    def invokeMethod(String name, Object args) {
        'touch @MARKER@'.execute().waitFor()
    }
}
new Sneaky().hello()
