// class: closure
// source: Jenkins SECURITY-2020 / CVE-2020-2279 (sandbox code run by the host later)
// expect: env
// A lazy GString: the closure runs whenever the host turns the tag into text, possibly outside the sandbox.
vmwareSite('lab') { network 'VM Network' }
machines('lab') {
    vmwareVm('web01') {
        os 'linux', 'CentOS 6.5'
        tags "${-> System.getProperty('@SYSPROP@')}", "${-> new File('@CANARY_READ@').text}"
    }
}
