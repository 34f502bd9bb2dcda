package io.github.hardening.core;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class IpAddressRangeTests {

	@Test
	void ipv4BlockContainsItsAddressesOnly() {
		IpAddressRange range = IpAddressRange.parse("172.16.0.0/12");
		assertThat(range.contains(IpAddresses.parse("172.16.0.1"))).isTrue();
		assertThat(range.contains(IpAddresses.parse("172.31.255.255"))).isTrue();
		assertThat(range.contains(IpAddresses.parse("172.32.0.0"))).isFalse();
		assertThat(range.contains(IpAddresses.parse("172.15.255.255"))).isFalse();
	}

	@Test
	void ipv6BlockContainsItsAddressesOnly() {
		IpAddressRange range = IpAddressRange.parse("fc00::/7");
		assertThat(range.contains(IpAddresses.parse("fd12:3456::1"))).isTrue();
		assertThat(range.contains(IpAddresses.parse("fe80::1"))).isFalse();
	}

	@Test
	void familiesNeverMatchEachOther() {
		assertThat(IpAddressRange.parse("0.0.0.0/0").contains(IpAddresses.parse("::1"))).isFalse();
		assertThat(IpAddressRange.parse("::/0").contains(IpAddresses.parse("10.0.0.1"))).isFalse();
	}

	@Test
	void ipv4MappedIpv6IsTreatedAsIpv4() {
		assertThat(IpAddressRange.parse("10.0.0.0/8").contains(IpAddresses.parse("::ffff:10.1.2.3"))).isTrue();
	}

	@Test
	void bareAddressIsASingleAddressBlock() {
		IpAddressRange range = IpAddressRange.parse("192.0.2.7");
		assertThat(range.contains(IpAddresses.parse("192.0.2.7"))).isTrue();
		assertThat(range.contains(IpAddresses.parse("192.0.2.8"))).isFalse();
		assertThat(range).hasToString("192.0.2.7/32");
	}

	@Test
	void invalidBlocksAreRefusedWithAReason() {
		assertThatIllegalArgumentException().isThrownBy(() -> IpAddressRange.parse("10.0.0.0/33"))
			.withMessageContaining("prefix length");
		assertThatIllegalArgumentException().isThrownBy(() -> IpAddressRange.parse("10.0.0.1/8"))
			.withMessageContaining("did you mean '10.0.0.0/8'");
		assertThatIllegalArgumentException().isThrownBy(() -> IpAddressRange.parse("example.com/8"))
			.withMessageContaining("not an IP address");
		assertThatIllegalArgumentException().isThrownBy(() -> IpAddressRange.parse("256.0.0.0/8"));
		assertThatIllegalArgumentException().isThrownBy(() -> IpAddressRange.parse(""));
	}

	@Test
	void hostNamesAreNeverResolved() {
		assertThat(IpAddresses.parse("localhost")).isNull();
		assertThat(IpAddresses.parse("example.com")).isNull();
		assertThat(IpAddresses.parse("1.2.3")).isNull();
		assertThat(IpAddresses.parse("1.2.3.4.5")).isNull();
		assertThat(IpAddresses.parse("::g")).isNull();
	}

	@Test
	void ipv6IsPrintedInRfc5952Form() {
		assertThat(IpAddresses.canonical("0:0:0:0:0:0:0:1")).isEqualTo("::1");
		assertThat(IpAddresses.canonical("2001:DB8:0:0:1:0:0:1")).isEqualTo("2001:db8::1:0:0:1");
		assertThat(IpAddresses.canonical("[2001:db8::1]")).isEqualTo("2001:db8::1");
		assertThat(IpAddresses.canonical("fe80::1%eth0")).isEqualTo("fe80::1");
		assertThat(IpAddresses.canonical("2001:db8:0:1:1:1:1:1")).isEqualTo("2001:db8:0:1:1:1:1:1");
	}

}
