public class Pair { public static void main(String[] a) { int n = new java.util.Scanner(System.in).nextInt(); System.out.println((n - 1) + " " + 1); } }
