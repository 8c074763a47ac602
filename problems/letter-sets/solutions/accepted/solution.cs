public class Solution {
    public IList<IList<string>> GroupByLetters(string[] words) {
        return words.GroupBy(word => new string(word.Distinct().OrderBy(c => c).ToArray()))
                    .Select(group => (IList<string>)group.ToList())
                    .ToList();
    }
}
