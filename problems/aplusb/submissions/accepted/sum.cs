using System;
using System.Linq;

public class Program {
    public static void Main() {
        var numbers = Console.In.ReadToEnd().Split((char[])null, StringSplitOptions.RemoveEmptyEntries).Select(long.Parse).ToArray();
        Console.WriteLine(numbers[0] + numbers[1]);
    }
}
