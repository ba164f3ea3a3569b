// class: constructor
// source: Jenkins SECURITY-1579 (default parameter expressions in constructors calling super)
// expect: env
class B {}
class A extends B {
    def seen
    A(x = System.getProperty('@SYSPROP@') + System.getenv('@ENV_NAME@')) {
        super()
        seen = x
    }
}
vmwareSite("leak-${new A().seen}") { network 'VM Network' }
