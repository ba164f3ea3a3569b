package siteplan.providers.sim

import java.nio.file.Files
import java.nio.file.Path
import java.time.Duration
import java.time.Instant
import java.util.concurrent.CountDownLatch
import java.util.concurrent.Executors
import java.util.concurrent.TimeUnit
import spock.lang.Specification
import spock.lang.TempDir
import spock.lang.Timeout

class SimClockSpec extends Specification {
    @TempDir Path dir

    def "simulated time does not move while no one waits, however long the machine takes"() {
        given:
        def clock = new SimClock(dir, 1_000_000)
        def start = clock.now()

        when: 'the machine computes for a while'
        Thread.sleep(50)

        then:
        clock.now() == start
    }

    def "a wait moves the clock by exactly the modelled duration, whatever real time it took"() {
        given:
        def clock = new SimClock(dir, speed)
        def start = clock.now()

        when:
        clock.sleep(waited)

        then:
        clock.now() == start + waited

        where:
        speed     | waited
        1_000_000 | Duration.ofHours(25).plusMillis(7)
        1_000     | Duration.ofSeconds(10)
        1         | Duration.ofMillis(30)
    }

    def "the speed paces a wait in real time: simulated seconds per real second"() {
        given:
        def clock = new SimClock(dir, 100)

        when:
        long before = System.nanoTime()
        clock.sleep(Duration.ofSeconds(20))
        long realMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - before)

        then: '20 s at 100x is 200 ms'
        realMillis >= 200
    }

    @Timeout(10)
    def "waits side by side overlap: the clock moves to the end of the longest, not by their sum"() {
        given:
        def clock = new SimClock(dir, 100)
        def start = clock.now()
        def go = new CountDownLatch(1)
        def pool = Executors.newFixedThreadPool(3)

        when: 'three workers wait 10 s, 10 s and 30 s of simulated time, started together (100 ms, 100 ms, 300 ms of real time)'
        def waits = [10, 10, 30].collect { s -> pool.submit({ go.await(); clock.sleep(Duration.ofSeconds(s)) } as java.util.concurrent.Callable) }
        go.countDown()
        waits*.get()
        pool.shutdown()

        then:
        clock.now() == start + Duration.ofSeconds(30)
    }

    def "a wait that has nothing left to wait for leaves the clock where it is"() {
        given:
        def clock = new SimClock(dir, 1_000_000)
        def start = clock.now()

        when:
        clock.sleep(waited)

        then:
        clock.now() == start

        where:
        waited << [Duration.ZERO, Duration.ofSeconds(-5)]
    }

    @Timeout(20)
    def "the clock never goes back: every worker sees it at or after the end of its own wait, and later than before"() {
        given:
        def clock = new SimClock(dir, 1_000_000)
        def start = clock.now()
        def pool = Executors.newFixedThreadPool(8)
        def go = new CountDownLatch(1)

        when: 'eight workers each wait 200 times, for 1 s to 5 min, side by side'
        def workers = (1..8).collect { w ->
            pool.submit({
                go.await()
                def random = new Random(w)
                Instant seen = clock.now()
                long behind = 0
                long longest = 0
                200.times {
                    def d = Duration.ofSeconds(1 + random.nextInt(300))
                    Instant target = clock.now() + d
                    clock.sleep(d)
                    Instant after = clock.now()
                    if (after.isBefore(target) || after.isBefore(seen)) behind++
                    seen = after
                    longest += d.toSeconds()
                }
                [behind, longest]
            } as java.util.concurrent.Callable)
        }
        go.countDown()
        def results = workers*.get()
        pool.shutdown()

        then: 'no worker ever saw the clock behind its target or behind what it saw before'
        results.every { it[0] == 0 }
        and: 'the clock is at least as far as the longest worker waited in all, and no further than all the waits in a row'
        !clock.now().isBefore(start + Duration.ofSeconds(results*.getAt(1).max()))
        !clock.now().isAfter(start + Duration.ofSeconds(results*.getAt(1).sum()))
    }

    def "a new clock continues from the simulated time the last one saved, when that is later than the wall clock"() {
        given:
        def first = new SimClock(dir, 1_000_000)
        first.sleep(Duration.ofDays(30))
        first.save()

        expect:
        new SimClock(dir, 1).now() == first.now()
    }

    def "a new clock starts at the wall clock when the saved time is behind it"() {
        given:
        Files.writeString(dir.resolve('clock.json'), '{"simulatedNow":"2020-01-01T00:00:00Z"}\n')
        def wall = Instant.now()

        expect:
        !new SimClock(dir, 1).now().isBefore(wall)
    }

    @Timeout(10)
    def "a wait can be interrupted (Ctrl-C stops a run waiting on a job), and the clock stays where it was"() {
        given: 'a wait of an hour at real speed'
        def clock = new SimClock(dir, 1)
        def start = clock.now()
        def outcome = new java.util.concurrent.CompletableFuture<Throwable>()
        def waiter = Thread.start {
            try {
                clock.sleep(Duration.ofHours(1))
                outcome.complete(null)
            } catch (Throwable e) {
                outcome.complete(e)
            }
        }

        when:
        Thread.sleep(50)
        waiter.interrupt()

        then:
        outcome.get(5, TimeUnit.SECONDS) instanceof InterruptedException
        clock.now() == start
    }

    def "a wait asked of an interrupted thread ends at once"() {
        given:
        def clock = new SimClock(dir, 1)

        when:
        Thread.currentThread().interrupt()
        clock.sleep(Duration.ofHours(1))

        then:
        thrown(InterruptedException)
    }
}
