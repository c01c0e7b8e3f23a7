//! `extends = "<builtin>"`: a scenario file only states how it differs from another.
//! Tables merge key by key; arrays of tables whose items all carry an `id` merge
//! item by item (same id → merged, new id → appended); any other value replaces.

use toml::Value;

pub(crate) fn merge(base: &mut Value, over: Value) {
    match (base, over) {
        (Value::Table(b), Value::Table(o)) => {
            for (k, v) in o {
                match b.get_mut(&k) {
                    Some(existing) => merge(existing, v),
                    None => {
                        b.insert(k, v);
                    }
                }
            }
        }
        (Value::Array(b), Value::Array(o)) if keyed(b) && keyed(&o) => {
            for item in o {
                match b.iter_mut().find(|x| id_of(x) == id_of(&item)) {
                    Some(existing) => merge(existing, item),
                    None => b.push(item),
                }
            }
        }
        (b, o) => *b = o,
    }
}

fn keyed(items: &[Value]) -> bool {
    !items.is_empty() && items.iter().all(|v| id_of(v).is_some())
}

fn id_of(v: &Value) -> Option<&Value> {
    v.as_table().and_then(|t| t.get("id"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_and_id_arrays_merge_other_values_replace() {
        let mut base: Value = toml::from_str(
            r#"
            a = 1
            list = [1, 2]
            [[roles]]
            id = 3
            name = "Administrator"
            [[roles]]
            id = 1001
            name = "Integration"
            permissions = { LIST_CURRENCY = 4, LIST_CUSTJOB = 4 }
            "#,
        )
        .unwrap();
        let over: Value = toml::from_str(
            r#"
            list = [9]
            [[roles]]
            id = 1001
            permissions = { LIST_CURRENCY = 0 }
            [[roles]]
            id = 1002
            name = "New"
            "#,
        )
        .unwrap();
        merge(&mut base, over);
        assert_eq!(base["a"].as_integer(), Some(1));
        assert_eq!(base["list"].as_array().unwrap().len(), 1);
        let roles = base["roles"].as_array().unwrap();
        assert_eq!(roles.len(), 3);
        assert_eq!(roles[1]["name"].as_str(), Some("Integration"));
        assert_eq!(
            roles[1]["permissions"]["LIST_CURRENCY"].as_integer(),
            Some(0)
        );
        assert_eq!(
            roles[1]["permissions"]["LIST_CUSTJOB"].as_integer(),
            Some(4)
        );
        assert_eq!(roles[2]["name"].as_str(), Some("New"));
    }
}
