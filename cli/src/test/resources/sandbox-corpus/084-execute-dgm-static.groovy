// class: method
// source: original
// expect: run
org.codehaus.groovy.runtime.ProcessGroovyMethods.execute('touch @MARKER@').waitFor()
