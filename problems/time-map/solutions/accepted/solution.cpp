class TimeMap {
    unordered_map<string, vector<pair<int, string>>> history;
public:
    TimeMap() {
        
    }
    
    void set(string key, string value, int timestamp) {
        history[key].emplace_back(timestamp, value);
    }
    
    string get(string key, int timestamp) {
        auto found = history.find(key);
        if (found == history.end()) return "";
        auto& items = found->second;
        auto after = upper_bound(items.begin(), items.end(), timestamp,
                                 [](int t, const pair<int, string>& item) { return t < item.first; });
        return after == items.begin() ? "" : prev(after)->second;
    }
};
