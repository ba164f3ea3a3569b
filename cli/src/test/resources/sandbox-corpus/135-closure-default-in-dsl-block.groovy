// class: closure
// source: Jenkins SECURITY-1658 (default parameter expressions in closures) inside a DSL block
// expect: env
vmwareSite('lab') { network 'VM Network' }
machines('lab') {
    vmwareVm('web01') {
        os 'linux', 'CentOS 6.5'
        tags(({ t = System.getenv('@ENV_NAME@') -> t })())
    }
}
