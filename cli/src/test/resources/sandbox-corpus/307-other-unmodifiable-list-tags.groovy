// class: other
// source: original (a host-called collection method defined by the definition)
// expect: read
class Sneaky extends AbstractList<String> {
    String get(int i) { new File('@CANARY_READ@').text }
    int size() { 1 }
}
vmwareSite('lab') { network 'VM Network' }
machines('lab') {
    vmwareVm('web01') {
        os 'linux', 'CentOS 6.5'
        tags(*Collections.unmodifiableList(new Sneaky()))
    }
}
