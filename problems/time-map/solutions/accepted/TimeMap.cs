public class TimeMap {
    private readonly Dictionary<string, List<int>> times = new Dictionary<string, List<int>>();
    private readonly Dictionary<string, List<string>> values = new Dictionary<string, List<string>>();

    public TimeMap() {
    }

    public void Set(string key, string value, int timestamp) {
        if (!times.ContainsKey(key)) {
            times[key] = new List<int>();
            values[key] = new List<string>();
        }
        times[key].Add(timestamp);
        values[key].Add(value);
    }

    public string Get(string key, int timestamp) {
        List<int> stamps;
        if (!times.TryGetValue(key, out stamps)) return "";
        int low = 0, high = stamps.Count;
        while (low < high) {
            int middle = (low + high) / 2;
            if (stamps[middle] <= timestamp) low = middle + 1; else high = middle;
        }
        return low == 0 ? "" : values[key][low - 1];
    }
}
