// class: method
// source: original
// expect: run
use(org.codehaus.groovy.runtime.ProcessGroovyMethods) {
    'touch @MARKER@'.execute().waitFor()
}
