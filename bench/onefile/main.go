// Command onefile times one-file runs of a command, process start
// included, as pre-commit and editors run artlint: it runs the command
// -n times (after -warm unmeasured runs) and prints the median wall time
// and the median CPU time (user + system) in milliseconds.
//
//	go run ./bench/onefile -n 31 -- artlint lint --no-config article.json
package main

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"slices"
	"time"
)

func main() {
	n := flag.Int("n", 31, "measured runs")
	warm := flag.Int("warm", 5, "unmeasured runs first (page cache)")
	flag.Parse()
	if flag.NArg() == 0 {
		fmt.Fprintln(os.Stderr, "usage: onefile [-n N] [-warm W] -- COMMAND ARGS...")
		os.Exit(2)
	}
	var wall, cpu []time.Duration
	for i := 0; i < *warm+*n; i++ {
		cmd := exec.Command(flag.Arg(0), flag.Args()[1:]...)
		start := time.Now()
		err := cmd.Run()
		d := time.Since(start)
		if code := cmd.ProcessState.ExitCode(); err != nil && code != 1 {
			fmt.Fprintf(os.Stderr, "onefile: %v (exit %d)\n", err, code)
			os.Exit(2)
		}
		if i >= *warm {
			wall = append(wall, d)
			cpu = append(cpu, cmd.ProcessState.UserTime()+cmd.ProcessState.SystemTime())
		}
	}
	slices.Sort(wall)
	slices.Sort(cpu)
	ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
	fmt.Printf("%.1f %.1f\n", ms(wall[len(wall)/2]), ms(cpu[len(cpu)/2]))
}
