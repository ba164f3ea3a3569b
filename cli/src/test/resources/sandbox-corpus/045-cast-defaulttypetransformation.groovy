// class: cast
// source: Jenkins SECURITY-1353 (DefaultTypeTransformation called directly)
// expect: read
def f = org.codehaus.groovy.runtime.typehandling.DefaultTypeTransformation.castToType(['@CANARY_READ@'], File)
def v = f.text
vmwareSite("leak-${v}") { network 'VM Network' }
