from tests.sip.plans import entry, group, program, write_plan


def test_smoke(kamailio, phones, trunk):
    write_plan(kamailio, program("+14155550100", group(30, [entry(40, 5, 0, 2), entry(41, 6, 1, 2)])))
    result = trunk.call("+14155550100")
    print(result["code"], kamailio.call_events(result["call_id"]))
    print(kamailio.log_text()[-4000:])
    assert result["code"] == 480
