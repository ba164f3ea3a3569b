// class: cast
// source: Jenkins SECURITY-566 / SECURITY-1353 (ScriptBytecodeAdapter.castToType called directly)
// expect: read
def f = org.codehaus.groovy.runtime.ScriptBytecodeAdapter.castToType(['@CANARY_READ@'], File)
def v = f.text
vmwareSite("leak-${v}") { network 'VM Network' }
