// class: compile-time
// source: Jenkins SECURITY-1186 (finalize runs on the finalizer thread)
// expect: write
class Later {
    protected void finalize() { new File('@CANARY_WRITE@').text = 'pwned' }
}
(1..1000).each { new Later() }
System.gc()
sleep 300
