package se.example.contest;

import java.util.Scanner;

/** A contest-style Java solution: in a package, its public class not named Main. */
public class Solver {
    static long add(long a, long b) {
        return a + b;
    }

    public static void main(String[] args) {
        Scanner in = new Scanner(System.in);
        long a = in.nextLong(), b = in.nextLong();
        System.out.println(add(a, b));
    }
}
