class Solution {
public:
    vector<vector<string>> groupByLetters(vector<string>& words) {
        unordered_map<int, int> index;
        vector<vector<string>> groups;
        for (const string& word : words) {
            int mask = 0;
            for (char c : word) mask |= 1 << (c - 'a');
            auto [it, added] = index.emplace(mask, (int)groups.size());
            if (added) groups.emplace_back();
            groups[it->second].push_back(word);
        }
        return groups;
    }
};
