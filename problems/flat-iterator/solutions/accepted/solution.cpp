class Vector2D {
    vector<vector<int>> rows;
    size_t row = 0, col = 0;

    void skipEmpty() {
        while (row < rows.size() && col == rows[row].size()) {
            ++row;
            col = 0;
        }
    }

public:
    Vector2D(vector<vector<int>>& vec) : rows(vec) {}
    
    int next() {
        skipEmpty();
        return rows[row][col++];
    }
    
    bool hasNext() {
        skipEmpty();
        return row < rows.size();
    }
};

/**
 * Your Vector2D object will be instantiated and called as such:
 * Vector2D* obj = new Vector2D(vec);
 * int param_1 = obj->next();
 * bool param_2 = obj->hasNext();
 */
