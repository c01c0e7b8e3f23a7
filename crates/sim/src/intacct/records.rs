//! Rows the simulated company holds by default: a few per business object.

use std::collections::BTreeMap;

pub type Row = BTreeMap<String, String>;

fn rows(object_rows: &[&[(&str, &str)]]) -> Vec<Row> {
    object_rows
        .iter()
        .map(|r| {
            r.iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect()
        })
        .collect()
}

pub fn default_records() -> BTreeMap<String, Vec<Row>> {
    let mut m = BTreeMap::new();
    let mut add = |object: &str, r: &[&[(&str, &str)]]| {
        m.insert(object.to_string(), rows(r));
    };
    add(
        "GLACCOUNT",
        &[
            &[
                ("RECORDNO", "1"),
                ("ACCOUNTNO", "1000"),
                ("TITLE", "Cash"),
                ("ACCOUNTTYPE", "balancesheet"),
            ],
            &[
                ("RECORDNO", "2"),
                ("ACCOUNTNO", "1200"),
                ("TITLE", "Accounts Receivable"),
                ("ACCOUNTTYPE", "balancesheet"),
            ],
            &[
                ("RECORDNO", "3"),
                ("ACCOUNTNO", "4000"),
                ("TITLE", "Revenue"),
                ("ACCOUNTTYPE", "incomestatement"),
            ],
        ],
    );
    add(
        "GLBATCH",
        &[
            &[
                ("RECORDNO", "101"),
                ("BATCHNO", "1"),
                ("JOURNAL", "GJ"),
                ("BATCH_TITLE", "Opening balances"),
                ("STATE", "Posted"),
            ],
            &[
                ("RECORDNO", "102"),
                ("BATCHNO", "2"),
                ("JOURNAL", "GJ"),
                ("BATCH_TITLE", "Accrual"),
                ("STATE", "Draft"),
            ],
        ],
    );
    add(
        "GLENTRY",
        &[
            &[
                ("RECORDNO", "1001"),
                ("BATCHNO", "1"),
                ("ACCOUNTNO", "1000"),
                ("TR_TYPE", "1"),
                ("AMOUNT", "5000.00"),
            ],
            &[
                ("RECORDNO", "1002"),
                ("BATCHNO", "1"),
                ("ACCOUNTNO", "4000"),
                ("TR_TYPE", "-1"),
                ("AMOUNT", "5000.00"),
            ],
        ],
    );
    add(
        "CUSTOMER",
        &[
            &[
                ("RECORDNO", "11"),
                ("CUSTOMERID", "C-100"),
                ("NAME", "Northwind Traders"),
                ("STATUS", "active"),
            ],
            &[
                ("RECORDNO", "12"),
                ("CUSTOMERID", "C-101"),
                ("NAME", "Contoso Ltd"),
                ("STATUS", "active"),
            ],
        ],
    );
    add(
        "ARINVOICE",
        &[
            &[
                ("RECORDNO", "201"),
                ("RECORDID", "INV-0001"),
                ("CUSTOMERID", "C-100"),
                ("TOTALENTERED", "1200.00"),
                ("STATE", "Posted"),
            ],
            &[
                ("RECORDNO", "202"),
                ("RECORDID", "INV-0002"),
                ("CUSTOMERID", "C-101"),
                ("TOTALENTERED", "450.00"),
                ("STATE", "Paid"),
            ],
        ],
    );
    add(
        "ARPYMT",
        &[&[
            ("RECORDNO", "301"),
            ("CUSTOMERID", "C-101"),
            ("AMOUNT", "450.00"),
            ("STATE", "Posted"),
        ]],
    );
    add(
        "VENDOR",
        &[
            &[
                ("RECORDNO", "21"),
                ("VENDORID", "V-200"),
                ("NAME", "Fabrikam Supplies"),
                ("STATUS", "active"),
            ],
            &[
                ("RECORDNO", "22"),
                ("VENDORID", "V-201"),
                ("NAME", "Adventure Works"),
                ("STATUS", "active"),
            ],
        ],
    );
    add(
        "APBILL",
        &[
            &[
                ("RECORDNO", "401"),
                ("RECORDID", "BILL-77"),
                ("VENDORID", "V-200"),
                ("TOTALENTERED", "310.00"),
                ("STATE", "Posted"),
            ],
            &[
                ("RECORDNO", "402"),
                ("RECORDID", "BILL-78"),
                ("VENDORID", "V-201"),
                ("TOTALENTERED", "95.50"),
                ("STATE", "Paid"),
            ],
        ],
    );
    add(
        "APPYMT",
        &[&[
            ("RECORDNO", "501"),
            ("VENDORID", "V-201"),
            ("AMOUNT", "95.50"),
            ("STATE", "Posted"),
        ]],
    );
    add(
        "LOCATION",
        &[
            &[
                ("RECORDNO", "31"),
                ("LOCATIONID", "HQ"),
                ("NAME", "Headquarters"),
                ("STATUS", "active"),
            ],
            &[
                ("RECORDNO", "32"),
                ("LOCATIONID", "EU"),
                ("NAME", "Europe"),
                ("STATUS", "active"),
            ],
        ],
    );
    add(
        "DEPARTMENT",
        &[
            &[
                ("RECORDNO", "41"),
                ("DEPARTMENTID", "FIN"),
                ("TITLE", "Finance"),
                ("STATUS", "active"),
            ],
            &[
                ("RECORDNO", "42"),
                ("DEPARTMENTID", "OPS"),
                ("TITLE", "Operations"),
                ("STATUS", "active"),
            ],
        ],
    );
    add(
        "CLASS",
        &[&[
            ("RECORDNO", "51"),
            ("CLASSID", "RETAIL"),
            ("NAME", "Retail"),
            ("STATUS", "active"),
        ]],
    );
    m
}
